/**
 * The baseline for `intake.http`: the same Fastify, JSON body parsing and process setup as the server,
 * with a route that does nothing but answer 201.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 1_048_576, trustProxy: true });
app.post('/api/v1/cases', async (_request, reply) => reply.status(201).send({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`empty server listening on ${process.env.PORT}`);
