"""The content model: loading files into items, and the graph that links them."""
