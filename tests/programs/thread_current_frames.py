# sys._current_frames(): the innermost frame of every thread, keyed by its
# ident; a thread blocked in a wait shows the frame that waits. After the
# thread ends, only the main thread is left. faulthandler.dump_traceback
# writes the stacks in CPython's format (checked without the addresses).
import io
import os
import sys
import tempfile
import threading
import _thread

ready = threading.Event()
go = threading.Event()


def waiter():
    ready.set()
    go.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()
frames = sys._current_frames()
print(len(frames), _thread.get_ident() in frames, t.ident in frames)
print("main:", frames[_thread.get_ident()].f_code.co_name)
chain = []
frame = frames[t.ident]
while frame is not None:
    chain.append(frame.f_code.co_name)
    frame = frame.f_back
print("other thread:", chain[-3:])

import faulthandler
with tempfile.TemporaryFile() as file:
    faulthandler.dump_traceback(file, all_threads=False)
    file.seek(0)
    print(file.read().decode().replace(__file__, "FILE"))
with tempfile.TemporaryFile() as file:
    faulthandler.dump_traceback(file.fileno(), all_threads=True)
    file.seek(0)
    lines = file.read().decode().splitlines()
    print([line.split(" 0x")[0] for line in lines if line.startswith(("Thread", "Current thread"))])
    print(sum(1 for line in lines if "in waiter" in line))
print(faulthandler.is_enabled(), faulthandler.enable(), faulthandler.is_enabled(), faulthandler.disable(),
      faulthandler.is_enabled())
go.set()
t.join()
print(len(sys._current_frames()))
