import type { Language } from '../domain/municipality';

/** What the action owner's cards and the action commands say, in plain Swedish and in English. */
const sv = {
  heading: {
    view: 'Åtgärd',
    assigned: 'Ny åtgärd till dig',
    reassigned: 'Du har fått ansvaret för en åtgärd',
    dueReminder: (due: string) => `Påminnelse: klart senast ${due}`,
  },
  labels: {
    town: 'Ort',
    hotspot: 'Hotspot',
    decidedBy: 'Beslutad av',
    owner: 'Ansvarig',
    status: 'Status',
    lastComment: 'Senaste kommentar',
    comment: 'Kommentar (valfritt)',
    commentPlaceholder: 'Till exempel vad som är gjort eller vad som hindrar',
    privacy: 'Skriv inga namn på privatpersoner. Det du skriver kan bli allmän handling.',
    history: 'Visa historik',
    update: 'Uppdatera status',
  },
  buttons: { accepted: 'Acceptera', inProgress: 'Pågår', done: 'Klar', blocked: 'Hindrad' },
  due: (date: string, overdue: boolean) => `Klart senast ${date}${overdue ? ' – försenad' : ''}`,
  decided: (name: string, week: string) => `${name}, ${week}`,
  idText: (id: string) => `Id: ${id}`,
  cancelledNote: 'Åtgärden är struken och kan inte ändras.',
  readOnlyNote: 'Bara den ansvarige eller en samordnare kan ändra åtgärden.',
  saved: (status: string) => `Sparat. Status: ${status}.`,
  event: {
    created: (owner: string) => `beslutad, ansvarig ${owner}`,
    status: (status: string) => `status ${status}`,
    comment: 'kommentar',
    reassigned: (from: string, to: string) => `flyttad från ${from} till ${to}`,
    cancelled: 'struken',
  },
  list: {
    mine: (n: number) => `Dina öppna åtgärder (${n})`,
    morning: 'Lägesbildsmöte i dag: dina öppna åtgärder',
    morningIntro: 'Uppdatera gärna status före mötet, så kan mötet följa upp åtgärderna.',
    town: (town: string, n: number) => `Öppna åtgärder i ${town} (${n})`,
    all: (n: number) => `Öppna åtgärder (${n})`,
    more: (n: number) => `… och ${n} till.`,
  },
  reply: {
    noneMine: 'Du har inga öppna åtgärder.',
    noneTown: (town: string) => `Inga öppna åtgärder i ${town}.`,
    noneAll: 'Inga öppna åtgärder.',
    notAllowed: 'Bara den ansvarige eller en samordnare kan ändra den här åtgärden. Inget har ändrats.',
    notFound: (id: string) => `Hittar ingen åtgärd med id "${id}".`,
    unknownOwner: (id: string) => `Ingen person med id "${id}" finns i kommunen.`,
    townRefused: 'Bara samordnare och mötets deltagare kan se ortens åtgärder.',
    historyRefused: 'Du kan bara se historiken för dina egna åtgärder.',
    historyTitle: (what: string) => `Historik för "${what}"`,
    reassigned: (what: string, to: string) => `Åtgärden "${what}" är flyttad till ${to}. Båda har fått besked.`,
    cancelled: (what: string) => `Åtgärden "${what}" är struken. Den ansvarige har fått besked.`,
    usage: 'Använd: åtgärd flytta <åtgärdens id> <ny ansvarigs id>, åtgärd stryk <åtgärdens id> eller åtgärd historik <åtgärdens id>.',
  },
  notify: {
    assigned: (town: string) => `Du är ansvarig för en ny åtgärd i ${town}.`,
    reassigned: (by: string) => `${by} har gett dig ansvaret för en åtgärd.`,
    movedAway: (what: string, to: string, by: string) => `Åtgärden "${what}" har flyttats från dig till ${to} av ${by}.`,
    cancelled: (what: string, by: string) => `Åtgärden "${what}" är struken av ${by}. Du behöver inte göra något mer.`,
    dueReminder: (what: string, due: string) => `Påminnelse: "${what}" ska vara klar senast ${due}.`,
    morning: 'Lägesbildsmöte i dag. Här är dina öppna åtgärder.',
    unreachable: (name: string) =>
      `${name} har blockerat eller tagit bort Lägesbild och får inga meddelanden om sina åtgärder. Ta kontakt på annat sätt, eller flytta åtgärderna med "åtgärd flytta".`,
  },
};

export type ActionTexts = typeof sv;

const en: ActionTexts = {
  heading: {
    view: 'Action',
    assigned: 'A new action for you',
    reassigned: 'You are now responsible for an action',
    dueReminder: (due: string) => `Reminder: due ${due}`,
  },
  labels: {
    town: 'Town',
    hotspot: 'Hotspot',
    decidedBy: 'Decided by',
    owner: 'Owner',
    status: 'Status',
    lastComment: 'Last comment',
    comment: 'Comment (optional)',
    commentPlaceholder: 'For example what has been done or what is in the way',
    privacy: 'Do not name private persons. What you write may become a public document.',
    history: 'Show history',
    update: 'Update status',
  },
  buttons: { accepted: 'Accept', inProgress: 'In progress', done: 'Done', blocked: 'Blocked' },
  due: (date: string, overdue: boolean) => `Due ${date}${overdue ? ' – overdue' : ''}`,
  decided: (name: string, week: string) => `${name}, ${week}`,
  idText: (id: string) => `Id: ${id}`,
  cancelledNote: 'The action is cancelled and cannot change.',
  readOnlyNote: 'Only the owner or a coordinator can change the action.',
  saved: (status: string) => `Saved. Status: ${status}.`,
  event: {
    created: (owner: string) => `decided, owner ${owner}`,
    status: (status: string) => `status ${status}`,
    comment: 'comment',
    reassigned: (from: string, to: string) => `moved from ${from} to ${to}`,
    cancelled: 'cancelled',
  },
  list: {
    mine: (n: number) => `Your open actions (${n})`,
    morning: 'Safety meeting today: your open actions',
    morningIntro: 'Please update their status before the meeting, so that the meeting can follow them up.',
    town: (town: string, n: number) => `Open actions in ${town} (${n})`,
    all: (n: number) => `Open actions (${n})`,
    more: (n: number) => `… and ${n} more.`,
  },
  reply: {
    noneMine: 'You have no open actions.',
    noneTown: (town: string) => `No open actions in ${town}.`,
    noneAll: 'No open actions.',
    notAllowed: 'Only the owner or a coordinator can change this action. Nothing was changed.',
    notFound: (id: string) => `No action with id "${id}".`,
    unknownOwner: (id: string) => `Nobody with id "${id}" is known in the municipality.`,
    townRefused: 'Only coordinators and meeting members can see a town\'s actions.',
    historyRefused: 'You can only see the history of your own actions.',
    historyTitle: (what: string) => `History of "${what}"`,
    reassigned: (what: string, to: string) => `The action "${what}" now belongs to ${to}. Both have been told.`,
    cancelled: (what: string) => `The action "${what}" is cancelled. The owner has been told.`,
    usage: 'Use: action reassign <action id> <new owner id>, action cancel <action id> or action history <action id>.',
  },
  notify: {
    assigned: (town: string) => `You are responsible for a new action in ${town}.`,
    reassigned: (by: string) => `${by} has made you responsible for an action.`,
    movedAway: (what: string, to: string, by: string) => `The action "${what}" was moved from you to ${to} by ${by}.`,
    cancelled: (what: string, by: string) => `The action "${what}" was cancelled by ${by}. Nothing more is needed from you.`,
    dueReminder: (what: string, due: string) => `Reminder: "${what}" is due ${due}.`,
    morning: 'Safety meeting today. Here are your open actions.',
    unreachable: (name: string) =>
      `${name} has blocked or removed Lägesbild and gets no messages about their actions. Contact them another way, or move the actions with "action reassign".`,
  },
};

export function actionTexts(language: Language): ActionTexts {
  return language === 'en' ? en : sv;
}
