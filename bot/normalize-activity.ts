/**
 * The edge's repair of an incoming activity, run after the shape check and before the adapter.
 *
 * The Bot Framework SDK trusts the JSON it receives: botbuilder's mention removal calls
 * `entities[i].type.toLowerCase()` and reads `mention.mentioned.id`, and every reply copies
 * `locale`, `from`, `recipient`, `conversation` and the activity id into the outgoing activity,
 * whose serializer throws on a non-string `locale` or `conversationType`. Either way the turn fails
 * after Teams has got its 200, and the user hears nothing. So a field of the wrong type is dropped
 * here (the bot then answers as if it was never sent: Swedish without a locale, no mention to
 * remove), and what the SDK and the handlers read keeps the type they expect.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level fields that are strings in the Bot Framework schema and read or echoed as strings. */
const STRING_FIELDS = [
  'id', 'replyToId', 'locale', 'text', 'textFormat', 'name', 'action', 'localTimezone', 'deliveryMode',
  'inputHint', 'summary', 'speak', 'attachmentLayout', 'importance', 'valueType', 'label', 'topicName', 'callerId',
] as const;
/** ChannelAccount: the sender and the recipient, swapped into every reply. */
const ACCOUNT_STRINGS = ['id', 'name', 'aadObjectId', 'role'] as const;
/** ConversationAccount: copied into every reply. */
const CONVERSATION_STRINGS = ['id', 'name', 'aadObjectId', 'role', 'conversationType', 'tenantId'] as const;
/** channelData objects whose `id` the bot and teams-ai read as a string (the tenant, the team's conversation key). */
const CHANNEL_DATA_REFS = ['tenant', 'team', 'channel', 'meeting'] as const;

/**
 * Longest activity id kept. The reply goes to `…/activities/{id}` and a card update to
 * `…/activities/{replyToId}`: an id of thousands of characters makes a URL the connector refuses,
 * and the user hears nothing. Channel ids are far shorter (Teams: about 20 characters).
 */
export const MAX_ACTIVITY_ID_LENGTH = 512;

/** Removes the listed properties whose value is present but not a string; reports each one. */
function keepStrings(o: Json, keys: readonly string[], path: string, fixed: string[]): void {
  for (const k of keys) {
    if (k in o && o[k] !== undefined && typeof o[k] !== 'string') {
      fixed.push(`${path}${k}`);
      delete o[k];
    }
  }
}

function account(v: unknown, path: string, fixed: string[]): Json | undefined {
  if (!isObject(v)) return undefined;
  const a: Json = { ...v };
  keepStrings(a, ACCOUNT_STRINGS, `${path}.`, fixed);
  if ('properties' in a && a.properties !== undefined && !isObject(a.properties)) {
    fixed.push(`${path}.properties`);
    delete a.properties;
  }
  return a;
}

/**
 * A mention is kept only when botbuilder can use it: an object `mentioned` with a string id, the
 * string `text` it appears as, and a message text to remove it from (botbuilder calls
 * `activity.text.replace`). One that lacks only its `type` but is otherwise whole is still a
 * mention (so its `<at>` text is removed); any other entity without a string type is dropped.
 */
function entity(v: unknown, hasText: boolean): Json | undefined {
  if (!isObject(v)) return undefined;
  const mentionShaped = isObject(v.mentioned) && typeof v.mentioned.id === 'string' && typeof v.text === 'string';
  if (typeof v.type !== 'string') return mentionShaped && hasText ? { ...v, type: 'mention' } : undefined;
  if (v.type.toLowerCase() === 'mention' && !(mentionShaped && hasText)) return undefined;
  return v;
}

function channelData(v: Json, fixed: string[]): Json {
  const c: Json = { ...v };
  keepStrings(c, ['eventType'], 'channelData.', fixed);
  for (const k of CHANNEL_DATA_REFS) {
    if (!(k in c) || c[k] === undefined) continue;
    if (!isObject(c[k])) {
      fixed.push(`channelData.${k}`);
      delete c[k];
      continue;
    }
    const ref: Json = { ...c[k] };
    keepStrings(ref, ['id', 'name'], `channelData.${k}.`, fixed);
    c[k] = ref;
  }
  return c;
}

/**
 * A copy of the activity with every mistyped field the SDK or the handlers would trip over
 * removed; `fixed` names what was removed, for the log. Expects what the server's shape check
 * lets through (an object with string type, channel, service URL and the three ids).
 */
export function normalizeActivity(body: Json): { activity: Json; fixed: string[] } {
  const fixed: string[] = [];
  const a: Json = { ...body };
  keepStrings(a, STRING_FIELDS, '', fixed);
  for (const k of ['id', 'replyToId'] as const) {
    if (typeof a[k] === 'string' && a[k].length > MAX_ACTIVITY_ID_LENGTH) {
      fixed.push(k);
      delete a[k];
    }
  }
  for (const k of ['from', 'recipient'] as const) {
    const acc = account(a[k], k, fixed);
    if (acc) a[k] = acc;
  }
  if (isObject(a.conversation)) {
    const c: Json = { ...a.conversation };
    keepStrings(c, CONVERSATION_STRINGS, 'conversation.', fixed);
    if ('isGroup' in c && c.isGroup !== undefined && typeof c.isGroup !== 'boolean') {
      fixed.push('conversation.isGroup');
      delete c.isGroup;
    }
    if ('properties' in c && c.properties !== undefined && !isObject(c.properties)) {
      fixed.push('conversation.properties');
      delete c.properties;
    }
    a.conversation = c;
  }
  if ('channelData' in a && a.channelData !== undefined) {
    if (isObject(a.channelData)) a.channelData = channelData(a.channelData, fixed);
    else {
      fixed.push('channelData');
      delete a.channelData;
    }
  }
  if ('entities' in a && a.entities !== undefined) {
    if (Array.isArray(a.entities)) {
      const hasText = typeof a.text === 'string';
      const kept = a.entities.map((e) => entity(e, hasText)).filter((e): e is Json => e !== undefined);
      if (kept.length !== a.entities.length || kept.some((e, i) => e !== (a.entities as unknown[])[i])) fixed.push('entities');
      a.entities = kept;
    } else {
      fixed.push('entities');
      delete a.entities;
    }
  }
  if ('attachments' in a && a.attachments !== undefined) {
    if (Array.isArray(a.attachments)) {
      const kept = a.attachments.filter((x) => isObject(x) && typeof x.contentType === 'string');
      if (kept.length !== a.attachments.length) fixed.push('attachments');
      a.attachments = kept;
    } else {
      fixed.push('attachments');
      delete a.attachments;
    }
  }
  return { activity: a, fixed };
}
