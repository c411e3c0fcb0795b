import type { Command } from '../../domain/commands';
import { findTown, type Municipality, type Reporter } from '../../domain/municipality';
import { auditEntry } from '../../domain/audit';
import type { AuditStore, RegistryStore } from '../../domain/ports';
import { registryChangeId } from '../../domain/registry';
import type { Messages } from '../../i18n';

type AdminCommand = Extract<Command, { kind: 'listReporters' | 'addReporter' | 'removeReporter' | 'moveReporter' }>;

function townNames(m: Municipality, ids: string[]): string {
  return ids.map((id) => m.towns.find((t) => t.id === id)?.name ?? id).join(', ');
}

/** Resolves town names or ids; the first unknown one is reported. */
function resolveTowns(m: Municipality, names: string[]): { ids: string[] } | { unknown: string } {
  const ids: string[] = [];
  for (const name of names) {
    const town = findTown(m, name);
    if (!town) return { unknown: name };
    ids.push(town.id);
  }
  return { ids: [...new Set(ids)] };
}

/** Coordinators list, add, remove and move reporters; each change is stored and survives restarts. */
export async function runReporterAdmin(registry: RegistryStore, audit: AuditStore, m: Municipality, t: Messages, actorId: string, cmd: AdminCommand, now: Date): Promise<string> {
  // Every registration change goes to the audit trail too; names stay out of it (erasure replaces ids only).
  const save = async (reporterId: string, reporter: Reporter | undefined, change: Record<string, string>) => {
    await registry.saveChange({
      id: registryChangeId(reporterId), municipalityId: m.id, reporterId, reporter, changedBy: actorId, changedAt: now.toISOString(),
    });
    await audit.append(auditEntry({ municipalityId: m.id, at: now, actorId, kind: 'registration', subject: reporterId, change }));
  };
  switch (cmd.kind) {
    case 'listReporters':
      return [`**${t.registry.title}** (${m.reporters.length})`,
        ...m.reporters.map((r) => `- ${t.registry.line(r.name, r.organisation, townNames(m, r.towns))} \`${r.id}\``)].join('\n');
    case 'addReporter': {
      const towns = resolveTowns(m, cmd.towns);
      if ('unknown' in towns) return t.errors.unknownTown(towns.unknown);
      await save(cmd.reporterId, { id: cmd.reporterId, name: cmd.name, organisation: cmd.organisation, towns: towns.ids }, { op: 'add', towns: towns.ids.join(','), organisation: cmd.organisation });
      return t.registry.added(cmd.name);
    }
    case 'removeReporter': {
      const existing = m.reporters.find((r) => r.id === cmd.reporterId);
      if (!existing) return t.registry.notFound(cmd.reporterId);
      await save(cmd.reporterId, undefined, { op: 'remove' });
      return t.registry.removed(existing.name);
    }
    case 'moveReporter': {
      const existing = m.reporters.find((r) => r.id === cmd.reporterId);
      if (!existing) return t.registry.notFound(cmd.reporterId);
      const towns = resolveTowns(m, cmd.towns);
      if ('unknown' in towns) return t.errors.unknownTown(towns.unknown);
      await save(cmd.reporterId, { ...existing, towns: towns.ids }, { op: 'move', from: existing.towns.join(','), to: towns.ids.join(',') });
      return t.registry.moved(existing.name, townNames(m, towns.ids));
    }
  }
}
