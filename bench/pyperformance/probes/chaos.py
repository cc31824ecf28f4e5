# The fractal the benchmark draws, written to a PPM file and checksummed.
import pyperf
import run_benchmark as bm
from checksum import file_checksum


class Arguments:
    # What run_benchmark.py's own command line would hold, on a smaller picture.
    thickness = bm.DEFAULT_THICKNESS
    width = 64
    height = 64
    iterations = 3000
    filename = "chaos.ppm"
    rng_seed = bm.DEFAULT_RNG_SEED


bm.main(pyperf.Runner(), Arguments())
print(file_checksum("chaos.ppm"))
