"""Linked data: the one mapping from models to RDF, and everything built from it."""
