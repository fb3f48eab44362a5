"""The page cache and the content versions it is keyed by: a cached page costs one small query, and an edit to
one meeting leaves every other meeting's pages cached (see content_version.py and page_cache.py)."""
