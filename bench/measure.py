"""Runs a command REPS times and prints, per run, wall seconds, user and system CPU
seconds and peak RSS in KiB, measured for that child alone (wait4), with a
microsecond clock rather than /usr/bin/time's 10 ms steps.

usage: measure.py REPS COMMAND [ARGS...]
"""
import os
import sys
import time

reps = int(sys.argv[1])
argv = sys.argv[2:]
devnull = os.open(os.devnull, os.O_WRONLY)
for _ in range(reps):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    print("%.6f %.6f %.6f %d" % (wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss))
