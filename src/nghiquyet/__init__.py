"""nghiquyet: theo dõi thực hiện nghị quyết (tracking how Vietnamese resolutions are carried out)."""
from . import compiled as _compiled

# The Cython build of the extraction modules, where one was made from the current sources.
_compiled.install()
