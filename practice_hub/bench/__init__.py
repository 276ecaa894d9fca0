"""The performance benchmark: a synthetic corpus at several sizes, and a runner that prints figures."""
