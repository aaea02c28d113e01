from .flat import square, area
from ..registry import register

register("flat")
