/* SPDX-License-Identifier: GPL-3.0-or-later */
/* measure: runs a command REPS times and prints, per run, wall seconds, user and system
 * CPU seconds and peak RSS in KiB of that child alone.
 *
 *   measure REPS COMMAND [ARGS...]
 *
 * A small C program on purpose: Linux carries a process's peak RSS across execve, so
 * a child forked from a large parent (a Python interpreter: about 10 MB) reports at
 * least the parent's size whatever it runs. Forked from this program, the floor is
 * about 1 MB (measure 3 /bin/true shows it). Wall time comes from CLOCK_MONOTONIC, not
 * from /usr/bin/time's 10 ms steps. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) {
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv) {
	if (argc < 3) {
		fprintf(stderr, "usage: measure REPS COMMAND [ARGS...]\n");
		return 2;
	}
	char *end;
	long reps = strtol(argv[1], &end, 10);
	if (*end != '\0' || reps < 1) {
		fprintf(stderr, "measure: REPS must be a positive number\n");
		return 2;
	}
	int devnull = open("/dev/null", O_WRONLY);
	if (devnull < 0) {
		perror("measure: /dev/null");
		return 2;
	}
	for (long i = 0; i < reps; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid_t pid = fork();
		if (pid < 0) {
			perror("measure: fork");
			return 2;
		}
		if (pid == 0) {
			dup2(devnull, 1);
			dup2(devnull, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int status;
		struct rusage ru;
		pid_t got;
		do {
			got = wait4(pid, &status, 0, &ru);
		} while (got < 0 && errno == EINTR);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (got < 0) {
			perror("measure: wait4");
			return 2;
		}
		double wall =
		    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		printf("%.6f %.6f %.6f %ld\n", wall, seconds(ru.ru_utime), seconds(ru.ru_stime),
		       ru.ru_maxrss);
	}
	return 0;
}
