# The scene the benchmark renders, written to a PPM file and checksummed.
import run_benchmark as bm
from checksum import file_checksum

bm.bench_raytrace(1, 24, 24, "raytrace.ppm")
print(file_checksum("raytrace.ppm"))
