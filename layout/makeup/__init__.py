"""Makeup: page geometry and grid, furniture, article blocks, threading, copyfit."""
from layout.makeup.grid import PageGrid, make_grid
from layout.makeup.furniture import furniture_rows
from layout.makeup.pages import make_up

__all__ = ["PageGrid", "make_grid", "make_up", "furniture_rows"]
