export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-xl font-bold tracking-tight text-slate-900">
          forge<span className="text-blue-600">365</span>
        </p>
        {children}
      </div>
    </main>
  );
}
