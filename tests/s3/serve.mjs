// Starts s3rver on 127.0.0.1:<port> with one bucket, files in <directory>; prints "ready" once it listens.
import S3rver from 's3rver';

const [port, directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true, configureBuckets: [{ name: bucket }] });
await server.run();
console.log('ready');
