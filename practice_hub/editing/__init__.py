"""Commands that help editors write content: scaffolding new items and recording reviews."""
