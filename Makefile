run:
	scripts/install.sh && .venv/bin/nghiquyet serve

test:
	scripts/test.sh

lock:
	scripts/lock.sh

bench:
	.venv/bin/python benchmarks/bench_extract.py
	.venv/bin/python benchmarks/eval_samples.py

.PHONY: run test lock bench
