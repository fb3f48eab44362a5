"""The demo meeting (the Western Asia Regional Preparatory Meeting, Beirut, 2019, transcribed from its published
report), `manage.py load_demo`, and the benchmarks that grow it to 10 and 50 times its size."""
