from .. import VALUE
from ..helper import greet
SUB = VALUE + 1
