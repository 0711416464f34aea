-- AlterEnum
ALTER TYPE "MailboxStatus" ADD VALUE 'READY';
