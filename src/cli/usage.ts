/** The `upward` command's help text. */
export const USAGE = `Usage: npm run upward -- program <command> [arguments] [options]

Runs a reverse-mentoring program against a running Upward (start it with \`npm start\`).
The CLI signs in non-interactively through the development tenant as the person named by --as:
a program admin for admin commands, the participant themself for \`enrol\`.

Admin commands (--as <program admin UPN>):
  create      --name <text> --tracks <a,b,...> --cadence weekly|biweekly|monthly --minutes 30|45|60
              --start <ISO date-time> --end <ISO date-time> [--objectives <a;b>] [--capacity <n>]
              [--min-gap <levels>] [--trios] [--organiser mentee|mentor]
              [--plan "<track>: <topic 1>; <topic 2>; ..."] (once per track)   (or --file <program.json>)
  plan <program> --plan "<track>: <topic 1>; ..." ...   replace the session plans (--clear: none);
                                         session n's agenda shows topic n of the pair's track
  list                                   programs you run (you created them, their owner added you, or
                                         nobody owns them yet)
  show <program>                         settings, state and the states it can move to
  open <program>                         draft -> enrolling
  state <program> <state>                any legal move (enrolling, matching, closed, ...)
  new-cycle <program>                    active -> matching: rotate everyone to new partners
  close <program>                        close the program; running pairs end
  invite <program> --user <upn|id> --role mentor|mentee
  enrolments <program>                   who is enrolled (shared view; private answers stay private)
  match <program> [--no-wait]            enrolling -> matching if needed, run matching, show the proposal
  review <program>                       the proposal: pairs with reasons, unmatched people with reasons
  lock|unlock|remove <program> (--pair <n> | --mentor <id> --mentee <id>)
  swap <program> --pair <n> --with <m>   exchange the mentees of pairs n and m
  rerun <program> [--no-wait]            re-run everything that is not locked
  publish <program>                      the pairs go live; pair introductions are sent
  pairings <program>                     published pairs of every cycle
  admins <program>                       who runs the program: its owner and co-admins
  add-admin <program> --user <upn|id>    the owner adds a co-admin (who also needs the program admin role)
  remove-admin <program> --user <id>     the owner removes a co-admin
  claim <program>                        become the owner of a program nobody owns yet
  send <program> --pair <n> --session <k> --kind agenda|feedback|feedback-reminder [--user <id|mailbox>]
                                         send a booked session's message now instead of at its time
                                         (e.g. to re-send a lost agenda): <k> is the session's number on
                                         its cards (1 is the first); both people, or only --user. Sent once
                                         per person: the timed message later sends nothing; a cancelled
                                         session, or a reminder to someone who answered, is refused

Participant commands (--as <the participant's UPN>):
  enrol <program> --role mentor|mentee --teach <a,b> --learn <c,d> [--goals <a,b>]
              [--languages <English,...>] [--avoid <id,id>]
              Enrols the signed-in person themself: that is their consent. An admin's
              invitation never enrols anyone; in the development tenant \`--as\` stands for the
              seeded person signing in.

Scheduling commands (npm run upward -- schedule <command>):
  run <program> [--cycle <n>] [--no-wait]   book the program's published pairs (--as a program admin):
                                         one recurring Teams meeting per pair; follows the run's progress
  run --file <cohort.json> [--no-wait]   book an explicit list: {programId, cycle?, settings, pairs}; the
                                         program must be one you run
  status [<run>]                         a run's progress (done/total, ETA) and each pair's result; all runs without <run>
  show [<booking>]                       a booked series with why this time was chosen; your own without <booking>
  show <program> [--pair <n>]            the series booked for a program's pairs (its latest run), or for one pair

Options:
  --as <upn|id>     who to sign in as (required)
  --url <url>       Upward's address (default: from env/.env.<UPWARD_ENV>, else http://127.0.0.1:3978)
  --tenant <id>     the person's tenant, if not Upward's home tenant
  --json            print the API's JSON instead of text
  -h, --help        this help

<program> is a program id (see \`list\`); <n> is a pair's number in \`review\` (\`send\` also takes a pairing id
from \`pairings\`).`;
