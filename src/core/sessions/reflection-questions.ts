/**
 * Reflection questions used when a track brings fewer than two of its own. They run both ways
 * on purpose: reverse mentoring drifts back into top-down mentoring unless the senior is asked
 * what they learned too.
 */
export const DEFAULT_REFLECTION_QUESTIONS: readonly string[] = [
  'What is one thing you saw differently after the last session?',
  'Where did you try something new since you last met, and how did it go?',
  'What would you like your partner to explain that you did not ask about yet?',
  'What did you teach last time that you would explain differently now?',
  'Which habit of the other generation surprised you most, and why?',
  'What is one small experiment you could run at work before the next session?',
  'What is a question you were hesitant to ask? Ask it today.',
  'How will you share what you learned with your team?',
];
