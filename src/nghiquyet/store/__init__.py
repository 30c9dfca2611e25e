"""Store: the database of documents, their versions, extracted items, links and search index."""
