print("pkg init", __name__)
VALUE = 1
from . import helper
from .helper import greet as pkg_greet
