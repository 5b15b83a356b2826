import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints, TitleHints } from './common/refs';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = {};
const TITLES: TitleHints = {
  'gateways.[]': 'Gateway', rules: 'Number rules', 'rules.[]': 'Rule', cid_rules: 'Caller-ID rules', 'cid_rules.[]': 'Rule',
  'flags.[]': 'Flag', weight_cost: 'Weight', caller_id_options: 'Caller-ID options',
};
const ORDER = ['name', 'enabled', 'gateways', 'rules', 'cid_rules', 'weight_cost', 'flags', 'caller_id_options', 'emergency'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed carrier)') });

export default function CarriersPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="resources"
      basePath="/carriers"
      icon="globe"
      noun="carrier"
      nounPlural="carriers"
      title="Carriers"
      subtitle="Gateways outbound calls leave through, chosen by number rules, flags and weight."
      searchPlaceholder="Search carriers by name"
      emptyText="A carrier sends calls to the outside world: add its gateways (server, port, credentials) and the numbers it takes."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="resources" id={docId} basePath="/carriers" icon="globe" order={ORDER} refs={REFS} titles={TITLES} />}
    />
  );
}
