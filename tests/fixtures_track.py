"""Pytest fixtures (registered from conftest.py)."""
