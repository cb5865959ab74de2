import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

const buttonStyles = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:opacity-60",
  /** Solid red: the confirming action of a destructive dialog. */
  destructive: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
  /** Looks like a link in text (underlined, so it is not told apart by colour alone). */
  link: "min-h-0 px-0 py-0 text-brand underline underline-offset-2 hover:text-brand-dark disabled:opacity-60",
} as const;

export type ButtonVariant = keyof typeof buttonStyles;

/** The classes of a button of `variant`, for elements that must look like one (a Radix trigger, a label). */
export function buttonClass(variant: ButtonVariant = "primary", className?: string) {
  return cn("inline-flex min-h-10 items-center justify-center rounded-lg px-4 py-2 text-sm font-medium transition", buttonStyles[variant], className);
}

export function Button({ variant = "primary", className, ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function ButtonLink({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
