let log = []; Promise.resolve(1).then((v) => log.push(v)); (async () => { await null; log.push(2); })();
queueMicrotask?.(() => log.push(3)); Promise.all([1, Promise.reject(4)]).catch((e) => { log.push(e); print(log); });
