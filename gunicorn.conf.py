"""gunicorn's settings for Rapporteur, read by gunicorn from the folder it starts in (make serve, the benchmarks,
a production unit that starts there); a command line's own options override them.

Threads, not sync workers: a sync worker accept()s a connection and then waits for its request, so every phone
whose request is slow to arrive (or a client that opens its connection before it asks, as wrk does between its
paced requests) holds a whole worker meanwhile, and every other reader queues behind it. Measured with the now
page (`manage.py benchmark_now`, 500 readers asking every 2 s, 2 cores shared with wrk): sync workers answered
203 req/s with p95 880 ms, and a request asked just then waited about 2 s, so the save → page delay was 2.2 s; these
threads answered all 235 req/s offered with p95 230–460 ms, and the delay was 0.02–0.10 s. Keep-alive lets a
reader's browser (or the proxy in front) reuse its connection instead of opening one per request.

Django is thread-safe; each thread keeps its own database connection (CONN_MAX_AGE), so PostgreSQL sees
workers × threads connections per server.
"""

worker_class = "gthread"
threads = 4
keepalive = 5
