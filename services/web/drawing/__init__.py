"""Server-side SVG drawings for the web pages: the ecogram and its legend, the Lensink circle, burden trends.

Pure functions from read-side data to an SVG string that can be put inline in a page (or saved as a file):
no JavaScript, no external resources, black and white so it prints, every caption through `gettext`.
"""

from services.web.drawing.changes import Changes, Marks, what_changed
from services.web.drawing.ecogram import ecogram_svg
from services.web.drawing.legend import ecogram_legend_svg
from services.web.drawing.lensink import lensink_svg
from services.web.drawing.model import map_data
from services.web.drawing.trend import burden_trend_svg

__all__ = [
    "Changes",
    "Marks",
    "burden_trend_svg",
    "ecogram_legend_svg",
    "ecogram_svg",
    "lensink_svg",
    "map_data",
    "what_changed",
]
