"use client";

import * as MenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A menu behind a button (Radix DropdownMenu): arrow keys move between items, Escape or a click
 * outside closes it and focus returns to the button. Compose `DropdownMenu`, `DropdownMenuTrigger`
 * (asChild with a button), `DropdownMenuContent` and items; a link is `<DropdownMenuItem asChild><Link …/></DropdownMenuItem>`.
 *
 * Not modal by default: a modal menu hides the rest of the page from screen readers with
 * aria-hidden while its links stay focusable (an axe violation), and a menu needs no focus trap.
 */
export function DropdownMenu({ modal = false, ...props }: ComponentProps<typeof MenuPrimitive.Root>) {
  return <MenuPrimitive.Root modal={modal} {...props} />;
}
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuGroup = MenuPrimitive.Group;

export function DropdownMenuContent({ className, sideOffset = 6, align = "end", ...props }: ComponentProps<typeof MenuPrimitive.Content>) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        className={cn("z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-900 shadow-lg", className)}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof MenuPrimitive.Item>) {
  return (
    <MenuPrimitive.Item
      className={cn("block w-full cursor-pointer rounded px-2 py-1.5 text-left outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-60", className)}
      {...props}
    />
  );
}

/** A heading inside the menu (not focusable). */
export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label className={cn("px-2 py-1 text-xs font-semibold uppercase text-slate-600", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof MenuPrimitive.Separator>) {
  return <MenuPrimitive.Separator className={cn("my-1 h-px bg-slate-200", className)} {...props} />;
}
