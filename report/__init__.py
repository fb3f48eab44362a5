"""The report pipeline: the builder turns a meeting into a document tree; renderers write it out."""
