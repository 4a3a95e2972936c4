/**
 * What the application's role may do in its database: read and write the rows of every table in
 * the `public` schema and use its sequences, nothing more (no DDL, no ownership, no TRUNCATE). The
 * schema's owner (the superuser of the embedded server, or DATABASE_ADMIN_URL's role) runs this
 * after creating the database and after every migration; default privileges extend the grants to
 * tables that later migrations create.
 */
import pg from "pg";
import { databaseName } from "./database";

export const APP_TABLE_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE"] as const;
export const APP_SEQUENCE_PRIVILEGES = ["USAGE", "SELECT"] as const;

/** The role a connection URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username || "postgres");
}

/** Grants `appRole` exactly the privileges the web server needs, connecting through `adminUrl`. */
export async function grantAppPrivileges(adminUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    const db = client.escapeIdentifier(databaseName(adminUrl));
    const { rows } = await client.query<{ owner: string }>("select current_user as owner");
    const owner = client.escapeIdentifier(rows[0]!.owner);
    const tables = APP_TABLE_PRIVILEGES.join(", ");
    const sequences = APP_SEQUENCE_PRIVILEGES.join(", ");
    await client.query("begin");
    await client.query(`grant connect, temporary on database ${db} to ${role}`);
    await client.query(`grant usage on schema public to ${role}`);
    await client.query(`grant ${tables} on all tables in schema public to ${role}`);
    await client.query(`grant ${sequences} on all sequences in schema public to ${role}`);
    await client.query(
      `alter default privileges for role ${owner} in schema public grant ${tables} on tables to ${role}`,
    );
    await client.query(
      `alter default privileges for role ${owner} in schema public grant ${sequences} on sequences to ${role}`,
    );
    // The migration history is the admin's: the app reads it (health) but never writes it.
    const history = await client.query("select to_regclass('public._prisma_migrations') is not null as present");
    if ((history.rows[0] as { present: boolean }).present) {
      await client.query(`revoke insert, update, delete, truncate on public._prisma_migrations from ${role}`);
      await client.query(`grant select on public._prisma_migrations to ${role}`);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
