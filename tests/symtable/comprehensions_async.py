# Async comprehensions and await inside comprehensions.
async def fetch_all(urls, fetch):
    results = [await fetch(url) for url in urls]
    streamed = [chunk async for chunk in fetch(urls)]
    lazy = (await fetch(u) for u in urls)
    nested = {k: [v async for v in fetch(k)] for k in urls}
    return results, streamed, lazy, nested


async def agen(source):
    async for item in source:
        yield item
