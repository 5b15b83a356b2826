import { useMemo, useRef, useState, type DragEvent } from 'react';
import { Icon } from '../ui/Icon';
import { ACTION_DRAG_TYPE } from './canvas/FlowCanvas';
import { CATEGORIES, moduleIcon, searchPalette, type PaletteEntry } from './palette';

type PaletteProps = {
  entries: PaletteEntry[];
  /** Keyboard (or double-click) use: add the entry under the selected node. */
  onPick: (entry: PaletteEntry) => void;
  canPick: boolean;
};

/**
 * KAZOO's categories of actions plus "All actions", one open at a time (Basic first), with a search over all of
 * them that opens the categories with matches. Entries are dragged onto the canvas, or added with Enter under the
 * selected node.
 */
export function Palette({ entries, onPick, canPick }: PaletteProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState('basic');
  const search = useRef<HTMLInputElement>(null);
  const found = useMemo(() => searchPalette(entries, text), [entries, text]);
  const searching = text.trim().length > 0;

  const onDragStart = (e: DragEvent, entry: PaletteEntry) => {
    e.dataTransfer.setData(ACTION_DRAG_TYPE, entry.id);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="palette" aria-label="Actions">
      <div className="palette-head">
        <h2 className="panel-title">Actions</h2>
        <div className="search-box">
          <Icon name="search" />
          <input
            ref={search}
            id="palette-search"
            className="input"
            type="search"
            placeholder="Search actions  /"
            aria-label="Search actions"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') setText(''); }}
          />
        </div>
        <p className="subtle">{canPick ? 'Drag onto a node, or press Enter to add under the selected one.' : 'Drag an action onto the node it should follow.'}</p>
      </div>
      <div className="palette-body">
        {CATEGORIES.map((category) => {
          const items = found.filter((e) => e.category === category.id);
          if (items.length === 0) return null;
          const expanded = searching || open === category.id;
          return (
            <section key={category.id} className="palette-group">
              <button
                type="button"
                className="palette-group-head"
                aria-expanded={expanded}
                onClick={() => setOpen(open === category.id ? '' : category.id)}
              >
                <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={14} />
                <span>{category.label}</span>
                <span className="badge">{items.length}</span>
              </button>
              {expanded && (
                <ul className="palette-items">
                  {items.map((entry) => (
                    <li key={entry.id}>
                      <button
                        type="button"
                        className="palette-item"
                        draggable
                        data-entry={entry.id}
                        title={entry.description}
                        onDragStart={(e) => onDragStart(e, entry)}
                        onClick={() => { if (canPick) onPick(entry); }}
                        aria-label={`${entry.label}${canPick ? ': add under the selected node' : ''}`}
                      >
                        <span className="palette-item-icon"><Icon name={moduleIcon(entry.module, entry.category === 'all' ? undefined : entry.category)} /></span>
                        <span className="palette-item-label">{entry.label}</span>
                        <Icon name="grip" size={14} className="palette-grip" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        {found.length === 0 && <p className="subtle" style={{ padding: 'var(--space-3)' }}>No action matches “{text}”.</p>}
      </div>
    </aside>
  );
}
