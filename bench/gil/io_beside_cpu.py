"""GIL row: the convoy effect (bpo-7946). The main thread sleeps 0.2 ms 400
times beside a CPU-bound thread. Without a fix each wake-up waits for a
switch interval (5 ms) before it gets the GIL back: about 2 s in all. With
Garter's convoy fix (docs/gil.md) it asks for the GIL at once."""
import _thread
import time

ROUNDS = 400
running = [True]
spins = [0]


def burn(done):
    n = 0
    while running[0]:
        n += 1
    spins[0] = n
    done.release()


done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(burn, (done,))
rounds = 0
for _ in range(ROUNDS):
    time.sleep(0.0002)
    rounds += 1
running[0] = False
done.acquire()
print("rounds:", rounds, "cpu thread ran:", spins[0] > 0)
