"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, Notice, useConfirm } from "../../_components/ui";

/** The person's one calendar feed, the same from every organisation they belong to. */
export function CalendarPanel() {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const feed = useSuspenseQuery(trpc.calendar.feed.queryOptions());
  const [copied, setCopied] = useState(false);
  const onChange = {
    onSuccess: (data: { url: string | null }) => {
      setCopied(false);
      queryClient.setQueryData(trpc.calendar.feed.queryKey(), data);
    },
  };
  const enable = useMutation(trpc.calendar.enable.mutationOptions(onChange));
  const rotate = useMutation(trpc.calendar.rotate.mutationOptions(onChange));
  const revoke = useMutation(trpc.calendar.revoke.mutationOptions(onChange));
  const error = enable.error ?? rotate.error ?? revoke.error;
  const working = enable.isPending || rotate.isPending || revoke.isPending;

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (an insecure origin, a browser setting): the field is selectable.
      setCopied(false);
    }
  }

  return (
    <Card title="Calendar feed">
      <p className="text-sm text-slate-600">
        See your interviews, agreed check-in days and promise deadlines in the calendar you already use. It updates on its
        own as your plans change. You have one feed for all your practices: it lists your job search in every practice
        where you are a client, and turning it off here turns it off everywhere.
      </p>
      <div className="mt-4 space-y-3">
        {feed.data.url === null ? (
          <>
            <p className="text-sm">Your calendar feed is off.</p>
            <Button type="button" onClick={() => enable.mutate()} disabled={working}>
              {enable.isPending ? "Turning on…" : "Turn on calendar feed"}
            </Button>
          </>
        ) : (
          <>
            <label className="block">
              <span className="mb-1 block text-sm font-medium text-slate-800">Your private feed URL</span>
              <input
                readOnly
                value={feed.data.url}
                onFocus={(event) => event.currentTarget.select()}
                className="block w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
              />
            </label>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              <Button type="button" onClick={() => copy(feed.data.url!)} disabled={working}>
                {copied ? "Copied" : "Copy URL"}
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={working}
                onClick={async () => {
                  const yes = await confirm({
                    title: "Get a new URL?",
                    description: "Calendars subscribed to the current one will stop updating until you subscribe again.",
                    confirmLabel: "Get a new URL",
                    tone: "default",
                  });
                  if (yes) rotate.mutate();
                }}
              >
                {rotate.isPending ? "Replacing…" : "Get a new URL"}
              </Button>
              <Button
                type="button"
                variant="danger"
                disabled={working}
                onClick={async () => {
                  const yes = await confirm({
                    title: "Turn off your calendar feed?",
                    description: "It is the one feed for all your practices: subscribed calendars will stop updating.",
                    confirmLabel: "Turn off",
                  });
                  if (yes) revoke.mutate();
                }}
              >
                {revoke.isPending ? "Turning off…" : "Turn off"}
              </Button>
            </div>
            <p aria-live="polite" className="sr-only">
              {copied ? "Feed URL copied to the clipboard." : ""}
            </p>
            <div className="text-sm text-slate-600">
              <p className="font-medium text-slate-800">How to subscribe</p>
              <p className="mt-1">
                Copy the URL, then in Google Calendar choose Other calendars, + and From URL; in Apple Calendar choose File
                and New Calendar Subscription; in Outlook choose Add calendar and Subscribe from web. Calendar apps refresh
                subscriptions on their own schedule, which can take from a few minutes to a day.
              </p>
              <p className="mt-2">
                Anyone who has this URL can see your interview times, so keep it to yourself. If it gets out, get a new
                URL: the old one stops working at once.
              </p>
            </div>
          </>
        )}
        {error ? <Notice tone="error">{error.message}</Notice> : null}
      </div>
    </Card>
  );
}
