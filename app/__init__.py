"""The application layer: the `armswatch` command, the whole pipeline under one supervisor, its status,
live view and offline demo. It stands above the stages and is the only package that knows them all."""
