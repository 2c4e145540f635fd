import { useEffect, useState } from 'react';
import { Button, List, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { type Person, type Session, type SessionRole, ROLE_KINDS, addRole, getPerson, personName, removeRole, searchPeople, setRoleOrder } from '../programmeApi';

/**
 * The session's people in protocol order (who speaks or stands first), reordered by dragging a handle (or with the
 * keyboard: space, arrows, space). A new order is written role by role through PATCH …/roles/:id { protocolOrder }.
 */
export function RolesEditor({ eventId, session, onChanged }: { eventId: string; session: Session; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation('programme');
  const [roles, setRoles] = useState<SessionRole[]>(session.roles);
  const [people, setPeople] = useState<Record<string, Person>>({});
  const [found, setFound] = useState<Person[]>([]);
  const [personId, setPersonId] = useState<string>();
  const [role, setRole] = useState<SessionRole['role']>('speaker');
  const [error, setError] = useState<ErrorEnvelope>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  useEffect(() => setRoles(session.roles), [session.roles]);
  useEffect(() => {
    const missing = session.roles.map((entry) => entry.personId).filter((id) => !people[id]);
    if (missing.length === 0) return;
    void Promise.all([...new Set(missing)].map(getPerson)).then((read) =>
      setPeople((known) => ({ ...known, ...Object.fromEntries(read.map((person) => [person.id, person])) })),
    );
  }, [session.roles, people]);

  const guard = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    }
    await onChanged();
  };

  const reorder = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(roles, roles.findIndex((entry) => entry.id === active.id), roles.findIndex((entry) => entry.id === over.id));
    setRoles(next);
    await guard(async () => {
      for (const [index, entry] of next.entries()) {
        if (entry.protocolOrder !== index + 1) await setRoleOrder(eventId, session.id, entry.id, index + 1);
      }
    });
  };

  const nameOf = (id: string) => (people[id] ? personName(people[id], i18n.language) : '…');
  return (
    <div data-testid="roles-editor">
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={(event) => void reorder(event)}>
        <SortableContext items={roles.map((entry) => entry.id)} strategy={verticalListSortingStrategy}>
          <List
            bordered
            locale={{ emptyText: t('roles.empty') }}
            dataSource={roles}
            renderItem={(entry) => (
              <SortableRole key={entry.id} role={entry} name={nameOf(entry.personId)} onRemove={() => void guard(() => removeRole(eventId, session.id, entry.id))} />
            )}
          />
        </SortableContext>
      </DndContext>
      <Space wrap style={{ marginTop: 12 }}>
        <Select
          showSearch={{ filterOption: false, onSearch: (q) => void searchPeople(q).then((page) => setFound(page.items)) }}
          aria-label={t('roles.person')}
          placeholder={t('roles.person')}
          style={{ width: 260 }}
          value={personId}
          onChange={setPersonId}
          onOpenChange={(open) => open && found.length === 0 && void searchPeople('').then((page) => setFound(page.items))}
          options={found.map((person) => ({ value: person.id, label: personName(person, i18n.language) }))}
        />
        <Select aria-label={t('roles.role')} style={{ width: 180 }} value={role} onChange={setRole} options={ROLE_KINDS.map((value) => ({ value, label: t(`role.${value}`) }))} />
        <Button
          disabled={!personId}
          onClick={() => void guard(() => addRole(eventId, session.id, { personId: personId!, role, protocolOrder: roles.length + 1 })).then(() => setPersonId(undefined))}
        >
          {t('roles.add')}
        </Button>
      </Space>
    </div>
  );
}

function SortableRole({ role, name, onRemove }: { role: SessionRole; name: string; onRemove: () => void }) {
  const { t } = useTranslation('programme');
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: role.id });
  return (
    <List.Item ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition, background: '#fff' }} data-testid="role-item" data-person-id={role.personId}>
      <Space>
        <button type="button" className="tt-drag-handle" aria-label={t('roles.move', { name })} {...attributes} {...listeners} data-testid="role-handle">
          <span aria-hidden>⋮⋮</span>
        </button>
        <span data-testid="role-name">{name}</span>
        <Tag>{t(`role.${role.role}`)}</Tag>
      </Space>
      {/* The visible word plus the person's name for screen readers: "Remove Li Gang", not five bare "Remove"s. */}
      <Button size="small" onClick={onRemove}>
        {t('roles.remove')}
        <span className="tt-visually-hidden"> {name}</span>
      </Button>
    </List.Item>
  );
}
