/** What a crash may have left half-sent (see `SendClaim`), for the coordinators' note. */
export type UncertainSend = 'prompts' | 'reminders' | 'picture' | 'summary' | 'actions';

export const uncertainWhat: Record<'sv' | 'en', Record<UncertainSend, string>> = {
  sv: { prompts: 'veckans enkät', reminders: 'en påminnelse', picture: 'lägesbilden', summary: 'sammanfattningen', actions: 'ett åtgärdsbesked' },
  en: { prompts: 'the week\'s questionnaire', reminders: 'a reminder', picture: 'the picture', summary: 'the summary', actions: 'an action message' },
};

export const uncertainFollowUp: Record<'sv' | 'en', Record<UncertainSend, string>> = {
  sv: {
    prompts: 'Den som inte svarar får enkäten med nästa påminnelse; skriv "påminn" för att skicka den nu.',
    reminders: 'Skriv "påminn" för att påminna alla som inte har svarat.',
    picture: 'Skriv "lägesbild" för att publicera den i kanalen.',
    summary: '', actions: '',
  },
  en: {
    prompts: 'Whoever does not answer gets the questionnaire with the next reminder; write "send reminders" to send it now.',
    reminders: 'Write "send reminders" to remind everyone who has not answered.',
    picture: 'Write "picture" to post it in the channel.',
    summary: '', actions: '',
  },
};
