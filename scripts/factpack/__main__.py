from factpack.cli import run

run()
