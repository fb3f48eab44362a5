"""Work that takes longer than a request: the report's files, written by jobs in a worker and kept in the storage."""
