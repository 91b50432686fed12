from factpack.cli import main

raise SystemExit(main())
