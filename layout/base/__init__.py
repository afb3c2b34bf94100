"""What every stage shares, and nothing else: diagnostics (and `record`, the frozen
dataclass of the stages' models), atomic file writing and the cache folder, units."""
