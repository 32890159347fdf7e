"""Readers: issue sources into the model."""
