# The planets' energy before and after advancing, and their final positions.
import run_benchmark as bm

bm.offset_momentum(bm.BODIES[bm.DEFAULT_REFERENCE])
print(repr(bm.report_energy()))
bm.advance(0.01, 2000)
print(repr(bm.report_energy()))
for position, velocity, mass in bm.SYSTEM:
    print(position, velocity, mass)
