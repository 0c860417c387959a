import { listAll } from './api';
import { useLiveTick } from './live';
import { useSession } from './session';
import type { Agent } from './types';
import { useResource } from './use-resource';

/** The workspace's agents, reloaded when one changes; `nameOf` shows an id as a name. */
export function useAgents(): { agents: Agent[]; nameOf(id: string | null): string } {
  const { api } = useSession();
  const tick = useLiveTick((event) => event.entity.kind === 'agent');
  const { data } = useResource(`agents:${tick}`, () => listAll<Agent>(api, '/v1/agents'));
  const agents = data ?? [];
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  return { agents, nameOf: (id) => (id === null ? 'nobody' : names.get(id) ?? id) };
}
