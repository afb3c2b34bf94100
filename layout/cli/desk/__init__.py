"""The editor's desk (编辑台): `newsprint serve EDITION`, a local web app showing the whole
edition as the build makes it, updated live on every save.

  session  the desk's state: builds the edition (the pipeline's load and make-up), renders
           only the pages that changed, keeps the last good pages when a file breaks
  server   the HTTP app (Starlette on uvicorn): the page, its static files, page images,
           the state as JSON and a server-sent event stream of updates
  watcher  the edition's files watched (watchfiles); each change is a rebuild
  command  the `serve` subcommand
  static/  index.html, desk.css, desk.js (package data)
"""
