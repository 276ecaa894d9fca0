"""Reading editors' files: text decoding, front matter and YAML with line numbers."""
