from ..outside import nothing
