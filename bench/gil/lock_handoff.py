"""GIL row: two threads hand a token back and forth through locks 5,000
times (DESIGN.md S4: lock waits release the GIL)."""
import _thread

ROUNDS = 5000
ping = _thread.allocate_lock()
pong = _thread.allocate_lock()
ping.acquire()
pong.acquire()
log = [0, 0]


def player(index, mine, theirs, done):
    for _ in range(ROUNDS):
        mine.acquire()
        log[index] += 1
        theirs.release()
    done.release()


done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(player, (1, pong, ping, done))
for _ in range(ROUNDS):
    pong.release()
    ping.acquire()
    log[0] += 1
done.acquire()
print("hand-overs:", log)
